using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>Writes audit records to a text writer in one of the export formats, streaming (one record in memory at a time).
/// The formats live here rather than in Storage because they depend only on Core's <see cref="AuditRecord"/>: every
/// back end's <see cref="IAuditTrail.StreamAsync"/> feeds them.</summary>
public static class AuditExporter
{
    /// <summary>Writes every record, then the trailer (with the count filled in), and returns how many records were written.
    /// Records are written in their canonical text (<see cref="AuditCanonicalEncoding.Canonical"/>), so what an export
    /// holds hashes as stored.</summary>
    public static async Task<long> WriteAsync(IAsyncEnumerable<AuditRecord> records, AuditExportTrailer trailer, TextWriter writer,
        AuditExportFormat format, AuditExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(trailer);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Syslog && format != AuditExportFormat.Cef)
            throw new ArgumentException("Syslog framing applies to the CEF format only.", nameof(options));
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audit export format.");

        if (format == AuditExportFormat.Csv) await writer.WriteAsync(CsvAuditFormat.Header.AsMemory(), cancellationToken);
        long count = 0;
        await foreach (var stored in records.WithCancellation(cancellationToken))
        {
            var record = stored with { Entry = AuditCanonicalEncoding.Canonical(stored.Entry) };
            await writer.WriteAsync(Line(record, format, options).AsMemory(), cancellationToken);
            count++;
        }
        await writer.WriteAsync(TrailerLine(trailer with { ExportedCount = count }, format, options).AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static string Line(AuditRecord record, AuditExportFormat format, AuditExportOptions options) => format switch
    {
        AuditExportFormat.JsonLines => JsonLinesAuditFormat.Format(record) + "\n",
        AuditExportFormat.Csv => CsvAuditFormat.Format(record),
        _ => CefLine(record, options) + "\n",
    };

    private static string TrailerLine(AuditExportTrailer trailer, AuditExportFormat format, AuditExportOptions options)
    {
        switch (format)
        {
            case AuditExportFormat.JsonLines:
                return JsonLinesAuditFormat.FormatTrailer(trailer) + "\n";
            case AuditExportFormat.Csv:
                return CsvAuditFormat.FormatTrailer(trailer);
            default:
                var cef = CefAuditFormat.FormatTrailer(trailer, options);
                return (options.Syslog ? SyslogFrame.Wrap(cef, trailer.ExportedAt, AuditExportTrailer.ActionType, CefAuditFormat.TrailerSeverity, options) : cef) + "\n";
        }
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
