namespace RadioStudio.Web.Telephony;

/// <summary>
/// Counts media stream sockets that are open but have not sent a valid <c>start</c>: anyone can open one (the token
/// only arrives inside it), so they are capped and each gets a few seconds, or sockets would pile up to the file limit.
/// </summary>
public sealed class PendingStreamGate
{
    private int _pending;

    /// <summary>Sockets open and not yet started.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Takes a place if fewer than <paramref name="max"/> are taken.</summary>
    public bool TryEnter(int max)
    {
        while (true)
        {
            var now = Volatile.Read(ref _pending);
            if (now >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _pending, now + 1, now) == now)
            {
                return true;
            }
        }
    }

    /// <summary>Gives the place back (the stream started, or the socket ended).</summary>
    public void Exit() => Interlocked.Decrement(ref _pending);
}
