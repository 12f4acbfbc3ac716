using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

/// <summary>Pass 1 of validation: reads a file and parses it as exactly one YAML document.</summary>
internal static class YamlDocumentReader
{
    /// <summary>Field name used for errors that concern the file as a whole.</summary>
    public const string DocumentField = "(document)";

    /// <summary>Field name used for YAML syntax errors.</summary>
    public const string SyntaxField = "(syntax)";

    /// <summary>Reads and parses <paramref name="path"/>; on failure records errors on <paramref name="reader"/> and returns null.</summary>
    public static YamlFile? Read(string path, NodeReader reader)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reader.Error(null, DocumentField, "cannot read file: " + ex.Message);
            return null;
        }

        // Editors on Windows save a byte-order mark; it is not part of the YAML.
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var root = Parse(text, reader);
        return root is null ? null : new YamlFile(root, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Parses text; the root node, or null after recording a syntax error.</summary>
    public static YamlNode? Parse(string text, NodeReader reader)
    {
        var stream = new YamlStream();
        using var textReader = new StringReader(text);
        var scanner = new Scanner(textReader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            // Duplicate keys surface here too: YamlMappingNode refuses them while loading.
            var message = ex.InnerException is ArgumentException ? ex.Message + " (each key may appear once)" : ex.Message;
            reader.Error(checked((int)ex.Start.Line), checked((int)ex.Start.Column), SyntaxField, "YAML syntax error: " + message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed input,
            // e.g. an unclosed flow sequence `- [a`; its position is still the best location we have.
            var at = scanner.CurrentPosition;
            reader.Error(checked((int)at.Line), checked((int)at.Column), SyntaxField,
                "YAML syntax error: the document is malformed near here (check for an unclosed [, { or quote)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            reader.Error(null, DocumentField, "file is empty");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode, DocumentField,
                $"expected one YAML document, found {stream.Documents.Count}");
        }
        return stream.Documents[0].RootNode;
    }
}
