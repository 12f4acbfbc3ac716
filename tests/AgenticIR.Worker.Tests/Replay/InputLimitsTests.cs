using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Tests.Replay;

public sealed class InputLimitsTests
{
    private static Func<string, string?> Env(string? value) => name => name == InputLimits.Variable ? value : null;

    [Theory]
    [InlineData(null, null, true, InputLimits.DefaultMaxBytes)]
    [InlineData(null, "65536", true, 65536L)]
    [InlineData(4096L, "65536", true, 4096L)]
    [InlineData(null, "16MiB", false, 0L)]
    [InlineData(100L, null, false, 0L)]
    [InlineData(2L * 1024 * 1024 * 1024, null, false, 0L)]
    public void TryResolve_OptionOverEnvironmentOverDefault_RejectsNonsense(long? option, string? environment, bool valid, long expected)
    {
        var ok = InputLimits.TryResolve(option, Env(environment), out var maxBytes, out var problem);

        Assert.Equal(valid, ok);
        if (valid) Assert.Equal(expected, maxBytes);
        else Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
