namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>A war-room entry (Swagger <c>Entry</c>). Ids look like <c>5@1234</c> (entry @ investigation).</summary>
internal sealed record XsoarEntry
{
    /// <summary>XSOAR's entry type for an error (<c>_ENTRY_TYPE_ERROR = 4</c> in demisto-sdk).</summary>
    public const int ErrorType = 4;

    public required string Id { get; init; }
    public long? Version { get; init; }
    public string? InvestigationId { get; init; }

    /// <summary>1 note/text, 4 error, others per <c>EntryType</c>.</summary>
    public int? Type { get; init; }

    /// <summary>The contents as text: a string as is, structured contents as JSON.</summary>
    public string? Contents { get; init; }

    public string? Format { get; init; }

    /// <summary>The command line that produced the entry (<c>!cmd arg=…</c>), for command results.</summary>
    public string? ParentContent { get; init; }

    public string? User { get; init; }
    public string? Brand { get; init; }
    public string? Instance { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public bool Note { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public XsoarEntryTask? Task { get; init; }

    public bool IsError => Type == ErrorType;
}
