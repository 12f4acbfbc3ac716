using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Worker.Inputs;

/// <summary>Enumerates replay inputs from files and folders: <c>.json</c> (an object, or an array of objects),
/// <c>.jsonl</c> (one payload per line) and <c>.eml</c> (bytes decoded with each MIME part's declared charset). A line or
/// file wrapped as <c>{"payload": …}</c> (the shape of exported corpora) is unwrapped. Nothing is dropped: unreadable,
/// empty or oversized content becomes an input that carries the reason, and is dead-lettered with it.</summary>
public static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] Extensions = [".json", ".jsonl", ".eml"];
    private const int ChunkBytes = 1 << 16;

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

    /// <summary>The inputs of one file. JSON-lines files are streamed line by line, so a large file is never held whole;
    /// a file or line above <paramref name="maxInputBytes"/> is not read whole either.</summary>
    public static IEnumerable<InputItem> Read(string file, string? formatHint, long maxInputBytes = InputLimits.DefaultMaxBytes)
    {
        if (Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            return ReadLines(file, formatHint, maxInputBytes);
        return ReadFile(file, formatHint, maxInputBytes);
    }

    private static IEnumerable<InputItem> ReadFile(string file, string? formatHint, long maxInputBytes)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var hint = formatHint ?? (extension == ".eml" ? "eml" : null);
        byte[] bytes;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes))
        {
            var size = stream.Length;
            if (size > maxInputBytes)
            {
                var prefix = new byte[InputLimits.KeptPrefixBytes(maxInputBytes)];
                prefix = prefix[..stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false)];
                // The content beyond the limit is never read: the key names the prefix and the size.
                yield return Oversized(OversizedKey(file, null, prefix, size), name, file, prefix, size, maxInputBytes, hint);
                yield break;
            }
            bytes = new byte[size];
            bytes = bytes[..stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false)];
        }

        var key = Key(file, null, bytes);
        if (extension == ".eml" || (!IsUtf8(bytes) && EmlDecoder.LooksLikeMessage(bytes)))
        {
            yield return new InputItem(key, name, new(file, EmlDecoder.Decode(bytes), hint));
            yield break;
        }
        if (!TryDecode(bytes, out var text, out var decodeError))
        {
            yield return new InputItem(key, name, new(file, Lossy(bytes), hint), decodeError);
            yield break;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new InputItem(key, name, new(file, text, hint), text.Length == 0 ? "the file is empty" : "the file holds only white space");
            yield break;
        }
        if (extension == ".json" && TryArray(text, out var elements))
        {
            if (elements.Count == 0)
                yield return new InputItem(key, name, new(file, text, hint), "the file holds an empty JSON array: no alert to take");
            for (var i = 0; i < elements.Count; i++)
                yield return Unwrap(new InputItem(Key(file, $"item {i}", Encoding.UTF8.GetBytes(elements[i])), $"{name}[{i}]", new($"{file}[{i}]", elements[i], hint)));
            yield break;
        }
        yield return extension == ".json"
            ? Unwrap(new InputItem(key, name, new(file, text, hint)))
            : new InputItem(key, name, new(file, text, hint));
    }

    private static IEnumerable<InputItem> ReadLines(string file, string? formatHint, long maxInputBytes)
    {
        var name = Path.GetFileName(file);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        using var line = new LineAccumulator(maxInputBytes);
        var chunk = new byte[ChunkBytes];
        var number = 0;
        var taken = 0;
        int read;
        do
        {
            read = stream.Read(chunk, 0, chunk.Length);
            var offset = 0;
            while (offset < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', offset, read - offset);
                var end = newline < 0 ? read : newline;
                line.Append(chunk.AsSpan(offset, end - offset));
                offset = end;
                if (newline < 0) continue;
                offset++;
                if (LineItem(file, name, ++number, line, formatHint, maxInputBytes) is { } item)
                {
                    taken++;
                    yield return item;
                }
            }
        }
        while (read > 0);
        if (line.Length > 0 && LineItem(file, name, ++number, line, formatHint, maxInputBytes) is { } last)
        {
            taken++;
            yield return last;
        }
        // A file with no line at all still leaves a trace: one dead-lettered input saying so.
        if (taken == 0)
            yield return new InputItem(Key(file, "empty", []), name, new(file, "", formatHint), "the file holds no JSON line (it is empty or blank)");
    }

    private static InputItem? LineItem(string file, string name, int number, LineAccumulator line, string? formatHint, long maxInputBytes)
    {
        var (bytes, length, hash) = line.Take();
        var display = $"{name}:{number}";
        var source = $"{file}:{number}";
        if (hash is not null)
            return Oversized(HashKey(file, $"line {number}", hash), display, source, bytes, length, maxInputBytes, formatHint);
        if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
        if (bytes.All(b => b is (byte)' ' or (byte)'\t')) return null; // blank lines separate records
        var key = Key(file, $"line {number}", bytes);
        return TryDecode(bytes, out var text, out var error)
            ? Unwrap(new InputItem(key, display, new(source, text.TrimStart('\uFEFF'), formatHint)))
            : new InputItem(key, display, new(source, Lossy(bytes), formatHint), error);
    }

    private static InputItem Oversized(string key, string display, string source, byte[] prefix, long size, long maxInputBytes, string? hint) =>
        new(key, display, new(source, Lossy(prefix), hint), InputLimits.Reason(size, maxInputBytes, prefix.Length));

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

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
            // JSON exchanged between systems must be UTF-8 (RFC 8259 section 8.1); guessing a charset would let two
            // readers of the same bytes see different values, so the input is dead-lettered with where it breaks.
            error = ex.Index >= 0 ? $"invalid UTF-8 at byte {ex.Index} (JSON must be UTF-8)" : "invalid UTF-8 (JSON must be UTF-8)";
            return false;
        }
    }

    // What a dead letter keeps of bytes that are not (or not wholly) valid UTF-8.
    private static string Lossy(byte[] bytes) => Encoding.UTF8.GetString(bytes);

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

    // Corpus exports wrap each payload with its provenance; the payload is what a source would have sent. A repeated
    // "payload" key resolves to the last one, as the mapping engine reads repeated keys (see LastWinsJson).
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

    private static string Key(string file, string? part, byte[] content) => HashKey(file, part, SHA256.HashData(content));

    // An oversized file is identified by its size and the prefix read, since the rest is never read.
    private static string OversizedKey(string file, string? part, byte[] prefix, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(BitConverter.GetBytes(size));
        return HashKey(file, part, hash.GetHashAndReset());
    }

    private static string HashKey(string file, string? part, byte[] hash)
    {
        var hex = Convert.ToHexStringLower(hash)[..16];
        return part is null ? $"file:{file}@{hex}" : $"file:{file}#{part}@{hex}";
    }
}
