using Microsoft.Extensions.Options;

namespace AgenticIR.Splunk.Hec;

[OptionsValidator]
internal sealed partial class HecOptionsValidator : IValidateOptions<HecOptions>;
