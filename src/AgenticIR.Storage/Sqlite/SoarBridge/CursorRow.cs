namespace AgenticIR.Storage.Sqlite.SoarBridge;

internal sealed record CursorRow(long LastContainerId, string? LastUpdateTime);
