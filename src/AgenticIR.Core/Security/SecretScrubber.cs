using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgenticIR.Core.Security;

/// <summary>Masks secrets in text that came from outside: an error body a remote sent back, an exception message, a log
/// line. It knows every secret registered with <see cref="Add"/> (the HEC token, each Splunk SOAR token, any future API
/// key) in the forms a server may echo it (as is, URL-encoded, JSON-escaped, base64), and it also masks credentials it
/// was never told about when they appear in their usual shapes (<c>Authorization: …</c>, <c>Splunk …</c>, <c>Bearer …</c>,
/// <c>Basic …</c>, <c>ph-auth-token: …</c>, <c>api_key=…</c>, <c>password=…</c>). Thread-safe.</summary>
public sealed partial class SecretScrubber
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Shorter values are not registered: masking every occurrence of a few common characters would make every
    /// message unreadable, and no real token is that short.</summary>
    public const int MinimumSecretLength = 6;

    private readonly Lock _gate = new();
    private string[] _forms = [];

    /// <summary>The process-wide scrubber: every client registers the secrets it is configured with, and every log line
    /// goes through it.</summary>
    public static SecretScrubber Shared { get; } = new();

    /// <summary>Registers a secret (ignored when null, blank or shorter than <see cref="MinimumSecretLength"/>).</summary>
    public void Add(string? secret)
    {
        var value = secret?.Trim();
        if (value is null || value.Length < MinimumSecretLength) return;
        var utf8 = Encoding.UTF8.GetBytes(value);
        var base64 = Convert.ToBase64String(utf8);
        List<string> forms =
        [
            value,
            Uri.EscapeDataString(value),
            JsonEncodedText.Encode(value).Value,
            value.Replace("/", "\\/", StringComparison.Ordinal),
            base64,
            base64.TrimEnd('='),
        ];
        if (Guid.TryParse(value, out var guid)) forms.Add(guid.ToString("N"));
        AddForms(forms);
    }

    /// <summary>Registers HTTP basic credentials: the password and the base64 <c>user:password</c> pair the
    /// <c>Authorization: Basic</c> header carries.</summary>
    public void AddBasicCredentials(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        Add(password);
        if (string.IsNullOrEmpty(password) || password.Length < MinimumSecretLength) return;
        var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        AddForms([pair, pair.TrimEnd('=')]);
    }

    /// <summary>True when <paramref name="text"/> contains a registered secret in one of its forms.</summary>
    public bool ContainsKnown(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var form in Volatile.Read(ref _forms))
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Error text from a remote, an exception message or a log value with every registered secret and every
    /// credential-shaped value masked. Null reads as empty.</summary>
    public string Scrub(string? text)
    {
        var known = ScrubKnown(text);
        if (known.Length == 0) return known;
        var schemes = SchemeCredential().Replace(known, m => HasDigit(m.Groups["credential"].ValueSpan)
            ? m.Groups["scheme"].Value + m.Groups["space"].Value + Mask
            : m.Value);
        return KeyedCredential().Replace(schemes, m => m.Groups["key"].Value + m.Groups["separator"].Value + Mask);
    }

    /// <summary>Only the registered secrets masked: for data a remote returned on success (container artifacts may quote
    /// an <c>Authorization</c> header as evidence, which must stay intact unless it is our own secret).</summary>
    public string ScrubKnown(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var form in Volatile.Read(ref _forms))
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase)) text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    private void AddForms(IEnumerable<string> forms)
    {
        lock (_gate)
        {
            // Longest first, so a form containing another (base64 with padding) is masked whole.
            _forms = [.. _forms.Concat(forms.Where(f => f.Length >= MinimumSecretLength))
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length)];
        }
    }

    // A word such as "Splunk Enterprise" is not a credential; tokens (GUIDs, base64, JWTs) carry digits.
    private static bool HasDigit(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('0', '9') >= 0;

    // Non-backtracking: the text is attacker-controlled, so matching must stay linear in its length.
    [GeneratedRegex(@"\b(?<scheme>Splunk|Bearer|Basic)(?<space>\s+)(?<credential>[A-Za-z0-9\-._~+/]{12,}=*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex(
        @"\b(?<key>(proxy-)?authorization|ph-auth-token|x-api-key|x-auth-token|api[-_]?key|api[-_]?token|access[-_]?token|auth[-_]?token|refresh[-_]?token|client[-_]?secret|password|passwd|pwd)(?<separator>[""']?\s*[:=]\s*[""']?)((Splunk|Bearer|Basic|Token)\s+)?[^\s""',;&}\]]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex KeyedCredential();
}
