using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Extraction;

/// <summary>Decodes PowerShell <c>-EncodedCommand</c> payloads (base64 UTF-16LE) so the indicators inside them can be extracted.</summary>
internal static partial class EncodedCommand
{
    [GeneratedRegex(@"\s[-/]e(?:c|n|nc|nco|ncod|ncode|ncoded|ncodedcommand)?\s+[""']?([A-Za-z0-9+/]{16,}={0,2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();

    /// <summary>The decoded script, or null when the command line carries no decodable encoded command.</summary>
    public static string? TryDecode(string commandLine)
    {
        if (!commandLine.Contains("powershell", StringComparison.OrdinalIgnoreCase) && !commandLine.Contains("pwsh", StringComparison.OrdinalIgnoreCase)) return null;
        Match match;
        try
        {
            match = Pattern().Match(commandLine.Length > ObservableExtractor.DefaultMaxChars ? commandLine[..ObservableExtractor.DefaultMaxChars] : commandLine);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success) return null;
        var data = match.Groups[1].Value;
        var buffer = new byte[data.Length];
        if (!Convert.TryFromBase64String(data.Length % 4 == 0 ? data : data.TrimEnd('=') + new string('=', (4 - (data.TrimEnd('=').Length % 4)) % 4), buffer, out var written)) return null;
        return Encoding.Unicode.GetString(buffer, 0, written & ~1);
    }
}
