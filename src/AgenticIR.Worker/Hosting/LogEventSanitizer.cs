using System.Globalization;
using AgenticIR.Core.Security;
using Serilog.Events;
using Serilog.Parsing;

namespace AgenticIR.Worker.Hosting;

/// <summary>Rewrites a log event so that nothing in it can forge a log line or leak a secret: every string that can carry
/// outside data (property values at any depth, dictionary keys, the template's literal text when a caller logged a
/// non-constant message, the exception's messages) is scrubbed of secrets and has its control characters escaped.</summary>
internal static class LogEventSanitizer
{
    public static LogEvent Sanitize(LogEvent logEvent, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var changed = false;
        var template = Template(logEvent.MessageTemplate, scrubber, ref changed);
        var properties = new List<LogEventProperty>(logEvent.Properties.Count);
        foreach (var (name, value) in logEvent.Properties)
        {
            var clean = Value(value, scrubber);
            changed |= !ReferenceEquals(clean, value);
            properties.Add(new LogEventProperty(name, clean));
        }
        var exception = logEvent.Exception is { } error ? LoggedException.From(error, scrubber) : null;
        if (!changed && exception is null) return logEvent;
        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties,
            logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    /// <summary>Outside text as it may appear in a log: secrets masked, control characters escaped.</summary>
    public static string Text(string? text, SecretScrubber scrubber) => ControlCharacters.Escape(scrubber.Scrub(text));

    private static MessageTemplate Template(MessageTemplate template, SecretScrubber scrubber, ref bool changed)
    {
        var tokens = new List<MessageTemplateToken>();
        var any = false;
        foreach (var token in template.Tokens)
        {
            if (token is TextToken text && Text(text.Text, scrubber) is var clean && !string.Equals(clean, text.Text, StringComparison.Ordinal))
            {
                tokens.Add(new TextToken(clean));
                any = true;
            }
            else tokens.Add(token);
        }
        if (!any) return template;
        changed = true;
        return new MessageTemplate(string.Concat(tokens.Select(t => t is TextToken text ? text.Text : t.ToString())), tokens);
    }

    private static LogEventPropertyValue Value(LogEventPropertyValue value, SecretScrubber scrubber) => value switch
    {
        ScalarValue scalar => Scalar(scalar, scrubber),
        SequenceValue sequence => Rebuilt(sequence.Elements, scrubber, out var elements) ? new SequenceValue(elements) : sequence,
        StructureValue structure => Structure(structure, scrubber),
        DictionaryValue dictionary => Dictionary(dictionary, scrubber),
        _ => value,
    };

    private static ScalarValue Scalar(ScalarValue scalar, SecretScrubber scrubber)
    {
        var raw = scalar.Value switch
        {
            null or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => null,
            string text => text,
            char c => c.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
        if (raw is null) return scalar;
        var clean = Text(raw, scrubber);
        // Unchanged text keeps the original value (and so its type-specific rendering, e.g. a format string).
        return string.Equals(clean, raw, StringComparison.Ordinal) ? scalar : new ScalarValue(clean);
    }

    private static bool Rebuilt(IReadOnlyList<LogEventPropertyValue> values, SecretScrubber scrubber, out List<LogEventPropertyValue> rebuilt)
    {
        rebuilt = new List<LogEventPropertyValue>(values.Count);
        var changed = false;
        foreach (var value in values)
        {
            var clean = Value(value, scrubber);
            changed |= !ReferenceEquals(clean, value);
            rebuilt.Add(clean);
        }
        return changed;
    }

    private static StructureValue Structure(StructureValue structure, SecretScrubber scrubber)
    {
        var changed = false;
        var properties = new List<LogEventProperty>(structure.Properties.Count);
        foreach (var property in structure.Properties)
        {
            var clean = Value(property.Value, scrubber);
            changed |= !ReferenceEquals(clean, property.Value);
            properties.Add(new LogEventProperty(property.Name, clean));
        }
        return changed ? new StructureValue(properties, structure.TypeTag) : structure;
    }

    private static DictionaryValue Dictionary(DictionaryValue dictionary, SecretScrubber scrubber)
    {
        var changed = false;
        var entries = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
        foreach (var (key, value) in dictionary.Elements)
        {
            var cleanKey = Scalar(key, scrubber);
            var cleanValue = Value(value, scrubber);
            changed |= !ReferenceEquals(cleanKey, key) || !ReferenceEquals(cleanValue, value);
            entries.Add(new(cleanKey, cleanValue));
        }
        return changed ? new DictionaryValue(entries) : dictionary;
    }
}
