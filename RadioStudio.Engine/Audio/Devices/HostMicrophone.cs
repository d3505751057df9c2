namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// The host's microphone: one capture, many consumers. The browser microphone (AudioWorklet → WebSocket) or a
/// studio input device pushes into one <see cref="CaptureFanout"/>; the program mix, speech-to-text and stems
/// each read it independently. One producer at a time: with a studio input device configured
/// (<c>Audio:InputDevice</c>) the device is the mic and browsers are refused; otherwise one browser
/// microphone at a time, a newer one taking over.
/// </summary>
public sealed class HostMicrophone
{
    /// <summary>Browser sample rates a capture may arrive at (resamplers are built for these up front).</summary>
    public static readonly int[] BrowserRates = [48_000, 44_100, 32_000, 24_000, 22_050, 16_000];

    private readonly object _gate = new();
    private readonly object _pushGate = new();
    private long _owner;
    private long _nextOwner;
    private Action? _ownerTakenOver;

    /// <summary>The shared capture.</summary>
    public CaptureFanout Capture { get; } = new(BrowserRates);

    /// <summary>Who feeds the mic now: "browser", "device: name", or null.</summary>
    public string? Source { get; private set; }

    /// <summary>True while a studio input device is the mic (browsers are refused).</summary>
    public bool DeviceOwned { get; private set; }

    /// <summary>Raised (off the audio thread) when <see cref="Source"/> changes.</summary>
    public event Action<string?>? SourceChanged;

    /// <summary>A browser microphone connects; the previous one (if any) stops counting and is told so.</summary>
    /// <param name="onTakenOver">Called once (on the caller's thread of the newer connect, outside any lock) when a newer
    /// microphone or a studio device takes over from this one, so its connection can be closed at once rather than
    /// at its next chunk.</param>
    /// <returns>A ticket: pushes with an older ticket are ignored, so two tabs never interleave; 0 when a studio device is the mic.</returns>
    public long Connect(Action? onTakenOver = null)
    {
        long ticket;
        Action? previous;
        lock (_gate)
        {
            if (DeviceOwned)
            {
                return 0;
            }

            ticket = ++_nextOwner;
            _owner = ticket;
            previous = _ownerTakenOver;
            _ownerTakenOver = onTakenOver;
            Source = "browser";
        }

        previous?.Invoke();
        SourceChanged?.Invoke(Source);
        return ticket;
    }

    /// <summary>Pushes PCM16 little-endian mono samples from the browser at <paramref name="sampleRate"/>.</summary>
    /// <returns>False when the ticket is no longer the owner (a newer microphone took over) or the data is malformed.</returns>
    public bool PushPcm16(long ticket, ReadOnlySpan<byte> pcm16, int sampleRate, Span<float> scratch)
    {
        if (Volatile.Read(ref _owner) != ticket || pcm16.Length % 2 != 0 || pcm16.Length / 2 > scratch.Length)
        {
            return false;
        }

        var samples = scratch[..(pcm16.Length / 2)];
        Codecs.Pcm16.ToFloat(pcm16, samples);

        // The fanout takes one producer at a time; a tab being replaced may still be mid-push.
        lock (_pushGate)
        {
            if (Volatile.Read(ref _owner) != ticket)
            {
                return false;
            }

            Capture.Push(samples, sampleRate);
        }

        return true;
    }

    /// <summary>The browser microphone with <paramref name="ticket"/> went away.</summary>
    public void Disconnect(long ticket)
    {
        lock (_gate)
        {
            if (_owner != ticket)
            {
                return;
            }

            _owner = 0;
            _ownerTakenOver = null;
            Source = null;
        }

        SourceChanged?.Invoke(null);
    }

    /// <summary>A studio input device becomes the mic (its capture pushes into <see cref="Capture"/> itself).</summary>
    public void UseDevice(string name)
    {
        Action? previous;
        lock (_gate)
        {
            DeviceOwned = true;
            _owner = -1;
            previous = _ownerTakenOver;
            _ownerTakenOver = null;
            Source = "device: " + name;
        }

        previous?.Invoke();
        SourceChanged?.Invoke(Source);
    }

    /// <summary>Whether <paramref name="ticket"/> still owns the microphone.</summary>
    public bool Owns(long ticket) => Volatile.Read(ref _owner) == ticket;
}
