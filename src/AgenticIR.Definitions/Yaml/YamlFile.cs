using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

/// <summary>A parsed definition file: its root node and the SHA-256 (lower-case hex) of its bytes.</summary>
internal sealed record YamlFile(YamlNode Root, string Sha256);
