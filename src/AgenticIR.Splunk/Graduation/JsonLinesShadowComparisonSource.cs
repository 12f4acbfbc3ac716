using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Splunk.Graduation;

/// <summary>Reads comparisons from a JSON-lines file of <see cref="ShadowComparisonFacts"/> in CoreJson form (an export,
/// or evidence gathered elsewhere); blank lines are skipped, a malformed line fails with its line number.</summary>
public sealed class JsonLinesShadowComparisonSource(string path) : IShadowComparisonSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ShadowComparisonFacts>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new List<ShadowComparisonFacts>();
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            ShadowComparisonFacts? facts;
            try
            {
                facts = JsonSerializer.Deserialize<ShadowComparisonFacts>(line, CoreJson.Options);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}", ex);
            }
            if (facts is null) throw new InvalidDataException($"{path}:{number}: empty record");
            if (facts.ObservedAt >= from && facts.ObservedAt < to) result.Add(facts);
        }
        return [.. result.OrderBy(c => c.ObservedAt)];
    }
}
