using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

/// <summary>Where something was written, for errors raised after the YAML is gone (cross-file checks).</summary>
internal sealed record YamlLocation(string File, int Line, int Column, string Field)
{
    public static YamlLocation Of(string file, YamlNode node, string field) =>
        new(file, checked((int)node.Start.Line), checked((int)node.Start.Column), field);

    public DefinitionError Error(string message) => new(File, Line, Column, Field, message);
}
