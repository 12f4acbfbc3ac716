using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// For walking mappings: property names (normalised: lower case without <c>_ . - @</c>; a leading <c>*</c> matches a suffix)
/// whose values are observables of a type (null for <c>auto</c>).
/// </summary>
internal sealed record KeyHint(IReadOnlyList<string> Keys, ObservableType? Type, string? Role)
{
    public bool Matches(string normalizedKey) => Keys.Any(k => k.StartsWith('*')
        ? normalizedKey.EndsWith(k[1..], StringComparison.Ordinal)
        : normalizedKey == k);

    public static string Normalize(string key)
    {
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 128)];
        var n = 0;
        foreach (var c in key)
        {
            if (n == buffer.Length) break;
            if (c is '_' or '.' or '-' or '@' or ' ') continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
