using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgenticIR.Worker.Inputs;

/// <summary>Enumerates replay inputs from files and folders: <c>.json</c> (an object, or an array of objects),
/// <c>.jsonl</c> (one payload per line) and <c>.eml</c>. A line or file wrapped as <c>{"payload": …}</c> (the shape of
/// exported corpora) is unwrapped. Nothing is dropped: unreadable content becomes an input that carries its read error.</summary>
public static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] Extensions = [".json", ".jsonl", ".eml"];

    /// <summary>Files under the given paths, folders recursively, in a stable order.</summary>
    public static IReadOnlyList<string> ListFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
                files.AddRange(Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(full)) files.Add(full);
            else throw new FileNotFoundException($"No such file or folder: {path}", path);
        }
        return files;
    }

    /// <summary>The inputs of one file. JSON-lines files are streamed line by line, so a large file is never held whole.</summary>
    public static IEnumerable<InputItem> Read(string file, string? formatHint)
    {
        if (Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var item in ReadLines(file, formatHint)) yield return item;
            yield break;
        }

        var bytes = File.ReadAllBytes(file);
        var name = Path.GetFileName(file);
        if (!TryDecode(bytes, out var text, out var decodeError))
        {
            yield return new InputItem(Key(file, null, bytes), name, new(file, Encoding.UTF8.GetString(bytes), formatHint), decodeError);
            yield break;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        var extension = Path.GetExtension(file).ToLowerInvariant();
        var hint = formatHint ?? (extension == ".eml" ? "eml" : null);
        if (extension == ".json" && TryArray(text, out var elements))
        {
            for (var i = 0; i < elements.Count; i++)
                yield return Unwrap(new InputItem(Key(file, $"item {i}", Encoding.UTF8.GetBytes(elements[i])), $"{name}[{i}]", new($"{file}[{i}]", elements[i], hint)));
            yield break;
        }
        yield return extension == ".json"
            ? Unwrap(new InputItem(Key(file, null, bytes), name, new(file, text, hint)))
            : new InputItem(Key(file, null, bytes), name, new(file, text, hint));
    }

    private static IEnumerable<InputItem> ReadLines(string file, string? formatHint)
    {
        var name = Path.GetFileName(file);
        using var stream = new BufferedStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read), 1 << 16);
        using var line = new MemoryStream();
        var number = 0;
        int next;
        do
        {
            next = stream.ReadByte();
            if (next != '\n' && next != -1)
            {
                line.WriteByte((byte)next);
                continue;
            }
            number++;
            var bytes = line.ToArray();
            line.SetLength(0);
            if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
            if (bytes.All(b => b is (byte)' ' or (byte)'\t')) continue;
            var display = $"{name}:{number}";
            var key = Key(file, $"line {number}", bytes);
            yield return TryDecode(bytes, out var text, out var error)
                ? Unwrap(new InputItem(key, display, new($"{file}:{number}", text.TrimStart('\uFEFF'), formatHint)))
                : new InputItem(key, display, new($"{file}:{number}", Encoding.UTF8.GetString(bytes), formatHint), error);
        }
        while (next != -1);
    }

    private static bool TryDecode(byte[] bytes, out string text, out string? error)
    {
        error = null;
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = "";
            error = ex.Index >= 0 ? $"invalid UTF-8 at byte {ex.Index}" : "invalid UTF-8";
            return false;
        }
    }

    private static bool TryArray(string text, out List<string> elements)
    {
        elements = [];
        if (!text.AsSpan().TrimStart().StartsWith("[")) return false;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return false;
            elements = [.. doc.RootElement.EnumerateArray().Select(e => e.GetRawText())];
            return true;
        }
        catch (JsonException)
        {
            return false; // a broken array is one input; the normalizer reports where it breaks
        }
    }

    // Corpus exports wrap each payload with its provenance; the payload is what a source would have sent.
    private static InputItem Unwrap(InputItem item)
    {
        var content = item.Raw.Content;
        if (!content.AsSpan().TrimStart().StartsWith("{") || !content.Contains("\"payload\"", StringComparison.Ordinal)) return item;
        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            if (!root.TryGetProperty("payload", out var payload) || !(root.TryGetProperty("provenance", out _) || root.TryGetProperty("id", out _))) return item;
            return payload.ValueKind switch
            {
                JsonValueKind.String => item with { Raw = item.Raw with { Content = payload.GetString() ?? "" } },
                JsonValueKind.Object or JsonValueKind.Array => item with { Raw = item.Raw with { Content = payload.GetRawText() } },
                _ => item,
            };
        }
        catch (JsonException)
        {
            return item;
        }
    }

    private static string Key(string file, string? part, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return part is null ? $"file:{file}@{hash}" : $"file:{file}#{part}@{hash}";
    }
}
