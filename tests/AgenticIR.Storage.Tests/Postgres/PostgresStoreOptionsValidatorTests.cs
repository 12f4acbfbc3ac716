using AgenticIR.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Tests.Postgres;

public sealed class PostgresStoreOptionsValidatorTests
{
    private static readonly PostgresStoreOptionsValidator Validator = new(Options.Create(new StorageOptions { Backend = StorageOptions.PostgresBackend }));

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("01:00:01")]
    public void Validate_RetryWindowOutOfRange_FailsNamingTheSetting(string window)
    {
        var result = Validator.Validate(null, new PostgresStoreOptions { ConnectionString = "Host=db;Username=ir;Database=ir", RetryWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Storage:Postgres:RetryWindow", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetryWindowZero_IsAllowed()
    {
        var result = Validator.Validate(null, new PostgresStoreOptions { ConnectionString = "Host=db;Username=ir;Database=ir", RetryWindow = TimeSpan.Zero });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
