using Microsoft.Extensions.Options;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

[OptionsValidator]
internal sealed partial class SplunkSoarDispatchOptionsValidator : IValidateOptions<SplunkSoarDispatchOptions>;
