namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>An optimistic append inside a state store's save found the chain not where this worker left it (another worker
/// appended or pruned, a receipt was kept already, or a record's sequence is taken): the save's transaction is rolled
/// back and run again after reading the chain's end.</summary>
internal sealed class AuditChainMovedException : Exception
{
    public AuditChainMovedException()
        : base("The audit chain moved since this worker last wrote it.")
    {
    }

    public AuditChainMovedException(string message)
        : base(message)
    {
    }

    public AuditChainMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
