namespace AgenticIR.Storage;

/// <summary>The back ends a store can live on.</summary>
internal enum StoreKind
{
    Sqlite,
    Postgres,
}
