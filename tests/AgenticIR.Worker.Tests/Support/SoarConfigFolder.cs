using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>A copy of the shipped <c>config/</c> with its own <c>soar.yaml</c>; pass <see cref="Policy"/> as <c>--policy</c>
/// so the CLI reads that soar.yaml (it sits beside the policy).</summary>
internal sealed class SoarConfigFolder
{
    private SoarConfigFolder(string folder) => Folder = folder;

    public string Folder { get; }

    public string Policy => Path.Combine(Folder, "governance.yaml");

    public static SoarConfigFolder Create(string parent, string soarYaml)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "config")).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Config)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "soar.yaml"), soarYaml);
        return new SoarConfigFolder(folder);
    }
}
