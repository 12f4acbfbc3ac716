namespace AgenticIR.Worker.Commands.Status;

/// <summary>A SOAR instance's polling: the worker holding its lease and its latest poll cycle.</summary>
/// <param name="Name">Instance name (config/soar.yaml).</param>
/// <param name="PolledBy">The worker holding the instance's lease.</param>
/// <param name="LastPoll">When the lease was last renewed (a cycle started).</param>
/// <param name="LeaseExpires">When the lease runs out unless renewed.</param>
/// <param name="Platform"><c>splunk_soar</c> or <c>xsoar</c>.</param>
internal sealed record StatusSoarInstance(string Name, string PolledBy, DateTimeOffset LastPoll, DateTimeOffset LeaseExpires, string Platform = "splunk_soar");
