using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>A path whose values are observables of one type (or <see cref="Type"/> null for <c>auto</c>).</summary>
internal sealed record ObservableSpec(PayloadPath Path, ObservableType? Type, string? Role);
