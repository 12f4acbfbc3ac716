namespace AgenticIR.Storage.Shared;

internal sealed record CursorRow(long LastContainerId, string? LastUpdateTime);
