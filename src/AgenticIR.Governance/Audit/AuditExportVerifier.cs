using System.Text.Json;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>Verifies a JSON-lines export away from the database (<c>agentic-ir audit verify --export FILE</c>). Every record's
/// hash is recomputed from its fields. A complete export (no filter) must also be one unbroken chain from genesis, or from the
/// audit_pruned record that anchors its first record, to the head its trailer names, with the trailer's counts. A filtered
/// export can only show that each record is unchanged, in order, and not past the head. Every problem is reported.</summary>
public static class AuditExportVerifier
{
    /// <summary>Reads the export to its end and reports what is wrong with it.</summary>
    public static async Task<AuditVerification> VerifyAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var walk = new ExportWalk();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            walk.Line(lineNumber, line);
        }
        return walk.Finish();
    }

    private sealed class ExportWalk
    {
        private readonly List<AuditBreak> _breaks = [];
        private readonly List<AuditRecord> _prunings = [];
        private long _breakCount;
        private long _read;
        private AuditRecord? _first;
        private AuditRecord? _last;
        private AuditExportTrailer? _trailer;
        private long _linesAfterTrailer;
        // Link problems can be judged only once the trailer says whether the export is complete, so they wait here.
        private readonly List<(long Sequence, string Problem)> _linkProblems = [];
        private readonly HashSet<long> _linkBroken = [];
        private readonly HashSet<long> _hashBroken = [];

        public void Line(int lineNumber, string line)
        {
            if (_trailer is not null)
            {
                _linesAfterTrailer++;
                return;
            }
            AuditRecord record;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (JsonLinesAuditFormat.TryParseTrailer(document.RootElement) is { } trailer)
                {
                    _trailer = trailer;
                    return;
                }
                record = JsonLinesAuditFormat.Parse(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                Break(null, $"line {lineNumber} is neither an audit record nor the trailer: {ex.Message}");
                return;
            }
            Record(record);
        }

        private void Record(AuditRecord record)
        {
            _read++;
            var sequence = record.Sequence;
            _first ??= record;
            if (_last is { } previous)
            {
                if (sequence <= previous.Sequence)
                    Link(sequence, $"record {sequence} is out of order: it follows record {previous.Sequence}");
                else if (sequence > previous.Sequence + 1)
                    _linkProblems.Add((previous.Sequence + 1, Missing(previous.Sequence + 1, sequence - 1) + $": the export jumps from record {previous.Sequence} to record {sequence}"));
                else if (record.PreviousHash != previous.Hash)
                    Link(sequence, $"record {sequence} is out of place: its previous_hash does not match the hash of record {previous.Sequence}");
            }
            if (AuditCanonicalEncoding.ComputeHash(record) != record.Hash)
            {
                Break(sequence, $"record {sequence} was edited: its fields do not hash to its hash");
                _hashBroken.Add(sequence);
            }
            if (record.Entry.ActionType == AuditActionTypes.AuditPruned) _prunings.Add(record);
            _last = record;
        }

        private void Link(long sequence, string problem)
        {
            _linkProblems.Add((sequence, problem));
            _linkBroken.Add(sequence);
        }

        public AuditVerification Finish()
        {
            if (_trailer is null)
            {
                Break(null, "the export has no trailer: it was cut short, or it is not an agentic-ir audit export");
                if (_linkProblems.Count > 0) Break(null, $"{_linkProblems.Count} records do not follow the record before them (not judged without the trailer)");
                return Result();
            }
            if (_linesAfterTrailer > 0) Break(null, $"{_linesAfterTrailer} lines follow the trailer: they are not part of the export");
            if (_trailer.ExportedCount != _read)
                Break(null, $"the trailer counts {_trailer.ExportedCount} exported records, the export holds {_read}");
            if (_trailer.Complete) FinishComplete(_trailer);
            else if (_last is not null && _last.Sequence > _trailer.Head.Sequence)
                Break(_last.Sequence, $"record {_last.Sequence} comes after the head the trailer names (record {_trailer.Head.Sequence})");
            return Result();
        }

        private void FinishComplete(AuditExportTrailer trailer)
        {
            foreach (var (sequence, problem) in _linkProblems) Break(sequence, problem);
            if (_first is { } first && !StartIsAnchored(first))
            {
                Break(first.Sequence, first.Sequence == 1
                    ? "record 1 does not start the chain: its previous_hash is not the genesis hash"
                    : $"the export starts at record {first.Sequence} but holds no audit_pruned record anchoring that start (records 1 to {first.Sequence - 1} are missing)");
            }
            var head = trailer.Head;
            var lastSequence = _last?.Sequence ?? 0;
            var lastHash = _last?.Hash ?? AuditCanonicalEncoding.GenesisHash;
            if (head.Sequence > lastSequence)
                Break(lastSequence + 1, Missing(lastSequence + 1, head.Sequence) + $" from the end: the trailer's head is record {head.Sequence}, the export ends at record {lastSequence}");
            else if (head.Sequence < lastSequence)
                Break(head.Sequence + 1, $"the export goes past the trailer's head (record {head.Sequence}) to record {lastSequence}: records were added");
            else if (_last is not null && head.Hash != lastHash)
                Break(lastSequence, $"record {lastSequence} is not the record the trailer's head names ({head.Hash})");
            else if (head.RecordCount != _read && _breakCount == 0)
                Break(null, $"the trailer says the store held {head.RecordCount} records, the export holds {_read}");
        }

        private bool StartIsAnchored(AuditRecord first)
        {
            if (first.Sequence == 1) return first.PreviousHash == AuditCanonicalEncoding.GenesisHash;
            var through = (first.Sequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return _prunings.Any(p => p.Entry.Details.GetValueOrDefault("pruned_through_sequence") == through
                && p.Entry.Details.GetValueOrDefault("last_pruned_hash") == first.PreviousHash);
        }

        private static string Missing(long from, long to) => from == to ? $"record {from} is missing" : $"records {from} to {to} are missing";

        private void Break(long? sequence, string problem)
        {
            _breakCount++;
            if (_breaks.Count < AuditVerification.MaxListedBreaks) _breaks.Add(new AuditBreak(sequence, problem));
        }

        private AuditVerification Result()
        {
            var broken = new HashSet<long>(_hashBroken);
            if (_trailer?.Complete == true) broken.UnionWith(_linkBroken);
            return new AuditVerification
            {
                RecordsRead = _read,
                RecordsVerified = Math.Max(0, _read - broken.Count),
                Breaks = [.. _breaks.OrderBy(b => b.Sequence ?? long.MaxValue)],
                BreakCount = _breakCount,
                HeadSequence = _last?.Sequence ?? 0,
                HeadHash = _last?.Hash ?? AuditCanonicalEncoding.GenesisHash,
                AnchoredHead = _trailer?.Head,
            };
        }
    }
}
