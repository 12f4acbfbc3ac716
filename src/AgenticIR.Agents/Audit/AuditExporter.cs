using AgenticIR.Core.Audit;

namespace AgenticIR.Agents.Audit;

/// <summary>Writes audit records to a text writer in one of the export formats, streaming (one record in memory at a time).
/// The formats live here rather than in Storage because they depend only on Core's <see cref="AuditRecord"/>: every
/// back end's <see cref="IAuditTrail.StreamAsync"/> feeds them.</summary>
public static class AuditExporter
{
    /// <summary>Writes every record and returns how many were written.</summary>
    public static async Task<long> WriteAsync(IAsyncEnumerable<AuditRecord> records, TextWriter writer, AuditExportFormat format,
        AuditExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Syslog && format != AuditExportFormat.Cef)
            throw new ArgumentException("Syslog framing applies to the CEF format only.", nameof(options));

        if (format == AuditExportFormat.Csv) await writer.WriteAsync(CsvAuditFormat.Header.AsMemory(), cancellationToken);
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var line = format switch
            {
                AuditExportFormat.JsonLines => JsonLinesAuditFormat.Format(record) + "\n",
                AuditExportFormat.Csv => CsvAuditFormat.Format(record),
                AuditExportFormat.Cef => CefLine(record, options) + "\n",
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audit export format."),
            };
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
            count++;
        }
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>One CEF event, framed for syslog when <see cref="AuditExportOptions.Syslog"/> is set.</summary>
    public static string CefLine(AuditRecord record, AuditExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var cef = CefAuditFormat.Format(record, options);
        return options.Syslog ? SyslogFrame.Wrap(cef, record, CefAuditFormat.Severity(record.Entry), options) : cef;
    }
}
