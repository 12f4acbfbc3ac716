using System.Text.Json;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>One line of the development corpus, with its payload as the text a caller would pass in.</summary>
internal sealed record CorpusLine(string Id, string Format, string Content)
{
    public override string ToString() => Id;

    public static IReadOnlyList<CorpusLine> ReadAll(string path)
    {
        var lines = new List<CorpusLine>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var payload = root.GetProperty("payload");
            // The corpus stores e-mails as JSON strings; callers hand the normalizer the raw message.
            var content = payload.ValueKind == JsonValueKind.String ? payload.GetString()! : payload.GetRawText();
            lines.Add(new CorpusLine(root.GetProperty("id").GetString()!, root.GetProperty("format").GetString()!, content));
        }
        return lines;
    }
}
