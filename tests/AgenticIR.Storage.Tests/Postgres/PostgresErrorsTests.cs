using System.Net.Sockets;
using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

public sealed class PostgresErrorsTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: pg_ctl stop -m fast ends the session
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up or shutting down
    [InlineData("08006")] // connection_failure
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("40P01")] // deadlock_detected: the whole transaction may run again
    [InlineData("40001")] // serialization_failure
    [InlineData("53300")] // too_many_connections
    public void IsTransient_ServerGoneOrTransactionToRepeat_True(string sqlState)
    {
        Assert.True(PostgresErrors.IsTransient(new PostgresException("m", "FATAL", "FATAL", sqlState)));
    }

    [Theory]
    [InlineData("23505")] // unique_violation: another writer got there first, an outcome
    [InlineData("42P01")] // undefined_table
    [InlineData("28P01")] // invalid_password
    [InlineData("22021")] // character_not_in_repertoire
    public void IsTransient_ErrorsRetryingCannotCure_False(string sqlState)
    {
        Assert.False(PostgresErrors.IsTransient(new PostgresException("m", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public void IsTransient_ConnectionRefusedAndBrokenStream_True()
    {
        Assert.True(PostgresErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(PostgresErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(PostgresErrors.IsTransient(new InvalidOperationException("not a database error")));
    }

    [Fact]
    public void IsConnectionLoss_DeadlockWhileServerIsUp_False()
    {
        Assert.False(PostgresErrors.IsConnectionLoss(new PostgresException("m", "ERROR", "ERROR", "40P01")));
        Assert.True(PostgresErrors.IsConnectionLoss(new PostgresException("m", "FATAL", "FATAL", "57P01")));
    }
}
