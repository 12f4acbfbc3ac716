using System.Text;
using AgenticIR.Storage.Shared;

namespace AgenticIR.Storage.Tests.Sqlite;

public sealed class DeadLetterPayloadTests
{
    [Fact]
    public void Bound_LimitFallsInsideMultiByteCharacter_CutsBeforeItAndCountsTheRest()
    {
        // 'é' is two UTF-8 bytes; one leading ASCII byte puts the limit in the middle of the last kept pair.
        var payload = "a" + new string('é', DeadLetterPayload.MaxBytes / 2);

        var bounded = DeadLetterPayload.Bound(payload);

        var kept = bounded[..bounded.LastIndexOf('\n')];
        Assert.Equal(DeadLetterPayload.MaxBytes - 1, Encoding.UTF8.GetByteCount(kept));
        Assert.EndsWith("\n[truncated 2 bytes]", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_PayloadAtLimit_KeptWhole()
    {
        var payload = new string('z', DeadLetterPayload.MaxBytes);

        Assert.Same(payload, DeadLetterPayload.Bound(payload));
    }

    [Fact]
    public void HashOf_NoHashGiven_HashesWholePayload()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", DeadLetterPayload.HashOf("hello", ""));
        Assert.Equal("given", DeadLetterPayload.HashOf("hello", "given"));
    }
}
