using System.Text;
using AgenticIR.Core.Security;

namespace AgenticIR.Worker.Hosting;

/// <summary>Stands in for a logged exception so that sinks render it safely: its messages (which may quote alert
/// content or a remote's error body) are scrubbed and escaped onto their own line, and its stack trace is kept one frame
/// per line. Sinks call <see cref="ToString"/>, which returns that rendering.</summary>
internal sealed class LoggedException : Exception
{
    private const int MaxDepth = 16;
    private readonly string _rendered;

    private LoggedException(string message, string rendered)
        : base(message) => _rendered = rendered;

    public static LoggedException From(Exception exception, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        Append(text, exception, scrubber, 0);
        return new LoggedException(LogEventSanitizer.Text(exception.Message, scrubber), text.ToString());
    }

    public override string ToString() => _rendered;

    private static void Append(StringBuilder text, Exception exception, SecretScrubber scrubber, int depth)
    {
        text.Append(exception.GetType().FullName).Append(": ").Append(LogEventSanitizer.Text(exception.Message, scrubber));
        if (depth < MaxDepth)
        {
            if (exception is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                for (var i = 0; i < aggregate.InnerExceptions.Count; i++)
                {
                    text.AppendLine().Append(" ---> (Inner Exception #").Append(i).Append(") ");
                    Append(text, aggregate.InnerExceptions[i], scrubber, depth + 1);
                    text.Append("<---");
                }
            }
            else if (exception.InnerException is { } inner)
            {
                text.Append(" ---> ");
                Append(text, inner, scrubber, depth + 1);
                text.AppendLine().Append("   --- End of inner exception stack trace ---");
            }
        }
        if (exception.StackTrace is not { } stack) return;
        foreach (var frame in stack.Split('\n'))
        {
            text.AppendLine().Append(LogEventSanitizer.Text(frame.TrimEnd('\r'), scrubber));
        }
    }
}
