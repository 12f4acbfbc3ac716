using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// A path whose values are observables of one type; <see cref="Type"/> null means <c>auto</c> (classify the value),
/// and <see cref="HostFallback"/> (type <c>host_or_ip</c>) makes an unclassifiable value a host name.
/// </summary>
internal sealed record ObservableSpec(PayloadPath Path, ObservableType? Type, string? Role, bool HostFallback = false);
