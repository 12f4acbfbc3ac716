using System.CommandLine;
using System.Globalization;

namespace AgenticIR.Worker.Inputs;

/// <summary>The largest single input the worker reads (a file, a JSON line, a mail). A larger one is dead-lettered
/// with its size and a bounded prefix, without being read whole, so one input cannot exhaust the process's memory.</summary>
public static class InputLimits
{
    /// <summary>Environment variable read when <c>--max-input-bytes</c> is not given.</summary>
    public const string Variable = "AGENTICIR_MAX_INPUT_BYTES";

    /// <summary>The default maximum: 16 MiB, well above real alerts and mails with attachments.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    /// <summary>The smallest maximum accepted (1 KiB).</summary>
    public const long MinimumMaxBytes = 1024;

    /// <summary>The largest maximum accepted (1 GiB): a decoded input must still fit one .NET string.</summary>
    public const long MaximumMaxBytes = 1024L * 1024 * 1024;

    /// <summary>How much of an oversized input its dead letter keeps: 64 KiB, or the maximum itself when smaller.</summary>
    public static int KeptPrefixBytes(long maxBytes) => (int)Math.Min(64 * 1024, maxBytes);

    /// <summary>The <c>--max-input-bytes</c> option (one instance per command).</summary>
    public static Option<long?> CreateOption() => new("--max-input-bytes")
    {
        Description = $"Largest input (file, JSON line, mail) to read, in bytes; larger ones are dead-lettered (env {Variable}; default {DefaultMaxBytes} = 16 MiB)",
    };

    /// <summary>The option's value, else <see cref="Variable"/>, else <see cref="DefaultMaxBytes"/>; false with a
    /// problem when the value is not a whole number between <see cref="MinimumMaxBytes"/> and <see cref="MaximumMaxBytes"/>.</summary>
    public static bool TryResolve(long? option, Func<string, string?>? environment, out long maxBytes, out string? problem)
    {
        problem = null;
        maxBytes = DefaultMaxBytes;
        var text = (environment ?? Environment.GetEnvironmentVariable)(Variable);
        if (option is { } given) maxBytes = given;
        else if (!string.IsNullOrWhiteSpace(text) && !long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out maxBytes))
        {
            problem = $"{Variable}='{text}' is not a whole number of bytes";
            return false;
        }
        if (maxBytes is >= MinimumMaxBytes and <= MaximumMaxBytes) return true;
        problem = $"the maximum input size must be between {MinimumMaxBytes} and {MaximumMaxBytes} bytes (got {maxBytes})";
        return false;
    }

    /// <summary>The dead-letter reason for an input above the maximum.</summary>
    public static string Reason(long size, long maxBytes, int kept) =>
        $"input is {size} bytes, above the maximum of {maxBytes} bytes (--max-input-bytes / {Variable}): not processed; its first {kept} bytes are kept";
}
