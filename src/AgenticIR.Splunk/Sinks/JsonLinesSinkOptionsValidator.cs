using Microsoft.Extensions.Options;

namespace AgenticIR.Splunk.Sinks;

[OptionsValidator]
internal sealed partial class JsonLinesSinkOptionsValidator : IValidateOptions<JsonLinesSinkOptions>;
