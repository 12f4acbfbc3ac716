using AgenticIR.Core.Reasoning;

namespace AgenticIR.Llm.Budget;

/// <summary>One investigation's model spend: requests (retries included), tokens and fallbacks, checked before every request.</summary>
internal sealed class InvestigationLedger(string reasoner, int maxRequests, int maxTokens)
{
    private readonly Lock _gate = new();
    private readonly List<string> _notes = [];
    private int _calls;
    private int _promptTokens;
    private int _completionTokens;
    private int _fallbacks;
    private long _promptChars;
    private int _measuredPromptTokens;

    private long _latencyMs;

    /// <summary>Requests left.</summary>
    public int RequestsLeft { get { lock (_gate) return maxRequests - _calls; } }

    /// <summary>True once the summary has been asked of the model (it is asked once per investigation).</summary>
    public bool SummaryAsked { get; set; }

    /// <summary>The model's summary once it wrote one.</summary>
    public string? ModelSummary { get; set; }

    /// <summary>The hypotheses and narrative the model wrote with the summary, validated.</summary>
    public ModelWriting? ModelWriting { get; set; }

    /// <summary>Reserves one request whose prompt is <paramref name="promptChars"/> characters long; returns the
    /// <c>max_tokens</c> it may ask for, or null when either budget would be exceeded. The prompt's tokens are estimated
    /// at one per three characters, or at the rate this model's earlier replies reported when that is higher.</summary>
    public int? TryReserve(int promptChars, int maxReplyTokens)
    {
        lock (_gate)
        {
            if (_calls >= maxRequests) return null;
            var estimate = promptChars / 3 + 16;
            if (_promptChars > 0) estimate = Math.Max(estimate, (int)Math.Ceiling((double)promptChars * _measuredPromptTokens / _promptChars));
            var left = maxTokens - _promptTokens - _completionTokens - estimate;
            // A reply too short to hold a JSON object is not worth a request.
            if (left < 64) return null;
            _calls++;
            return Math.Min(maxReplyTokens, left);
        }
    }

    /// <summary>Adds the tokens a reply reported for a prompt of <paramref name="promptChars"/> characters.</summary>
    public void AddTokens(int promptChars, int prompt, int completion)
    {
        lock (_gate)
        {
            _promptTokens += prompt;
            _completionTokens += completion;
            _promptChars += promptChars;
            _measuredPromptTokens += prompt;
        }
    }

    /// <summary>Adds the time one request waited for the model (answered or not).</summary>
    public void AddLatency(TimeSpan elapsed)
    {
        lock (_gate) _latencyMs += (long)elapsed.TotalMilliseconds;
    }

    /// <summary>Records that the deterministic answer was used for <paramref name="step"/>, and why.</summary>
    public void Fallback(string step, string reason)
    {
        lock (_gate)
        {
            _fallbacks++;
            _notes.Add($"{step}: deterministic ({reason})");
        }
    }

    /// <summary>Records a note that is not a fallback (e.g. a proposal that was bounded).</summary>
    public void Note(string note)
    {
        lock (_gate) _notes.Add(note);
    }

    /// <summary>The usage so far.</summary>
    public ModelUsage Snapshot()
    {
        lock (_gate)
        {
            return new ModelUsage
            {
                Reasoner = reasoner,
                Calls = _calls,
                PromptTokens = _promptTokens,
                CompletionTokens = _completionTokens,
                Fallbacks = _fallbacks,
                LatencyMs = _latencyMs,
                Notes = [.. _notes],
            };
        }
    }
}
