using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

/// <summary>A YAML mapping together with its dotted path, so every error can name the field it is about.</summary>
internal sealed class YamlMap(YamlMappingNode node, string path)
{
    public YamlMappingNode Node => node;

    /// <summary>Dotted path of this map; empty for the document root.</summary>
    public string Path => path;

    public string FieldOf(string key) => path.Length == 0 ? key : path + "." + key;

    public bool Has(string key) => Get(key) is not null;

    /// <summary>The value under a key, or null when the key is absent.</summary>
    public YamlNode? Get(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Entries with scalar keys, in document order.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        node.Children
            .Where(e => e.Key is YamlScalarNode { Value: not null })
            .Select(e => (((YamlScalarNode)e.Key).Value!, e.Key, e.Value));
}
