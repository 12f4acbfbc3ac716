namespace AgenticIR.Worker.Commands.Status;

/// <summary>A SOAR instance's polling: the worker holding its lease and its latest poll cycle.</summary>
internal sealed record StatusSoarInstance(string Name, string PolledBy, DateTimeOffset LastPoll, DateTimeOffset LeaseExpires);
