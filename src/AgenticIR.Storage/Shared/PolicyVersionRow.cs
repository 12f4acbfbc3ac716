using AgenticIR.Core.Policy;

namespace AgenticIR.Storage.Shared;

/// <summary>A <c>policy_versions</c> row as Dapper reads it.</summary>
internal sealed class PolicyVersionRow
{
    public long Version { get; set; }
    public string Hash { get; set; } = "";
    public string LoadedAt { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public string AcceptedBy { get; set; } = "";
    public string Kind { get; set; } = "";

    public const string Columns = "version AS Version, hash AS Hash, loaded_at AS LoadedAt, source_file AS SourceFile, accepted_by AS AcceptedBy, kind AS Kind";

    public PolicyVersion ToVersion() => new((int)Version, Hash, StoreText.ParseTimestamp(LoadedAt), SourceFile, AcceptedBy, Kind);
}
