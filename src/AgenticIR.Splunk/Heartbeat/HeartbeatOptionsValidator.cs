using Microsoft.Extensions.Options;

namespace AgenticIR.Splunk.Heartbeat;

[OptionsValidator]
internal sealed partial class HeartbeatOptionsValidator : IValidateOptions<HeartbeatOptions>;
