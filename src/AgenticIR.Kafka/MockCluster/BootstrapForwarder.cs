using System.Net;
using System.Net.Sockets;

namespace AgenticIR.Kafka.MockCluster;

/// <summary>Forwards a fixed 127.0.0.1 port to a mock broker, byte for byte. librdkafka's mock brokers always bind a port
/// the system picks; a client only needs the fixed one to bootstrap, and then reaches the brokers at the addresses their
/// metadata advertises.</summary>
internal sealed class BootstrapForwarder : IDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private BootstrapForwarder(TcpListener listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static BootstrapForwarder Start(int port, IPEndPoint target)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return new BootstrapForwarder(listener, target);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped while accepting.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var broker = new TcpClient())
        {
            try
            {
                await broker.ConnectAsync(_target, _stop.Token);
                var inbound = client.GetStream();
                var outbound = broker.GetStream();
                // Either side closing ends both directions.
                await Task.WhenAny(inbound.CopyToAsync(outbound, _stop.Token), outbound.CopyToAsync(inbound, _stop.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // A client or the broker went away: nothing to forward any more.
            }
        }
    }
}
