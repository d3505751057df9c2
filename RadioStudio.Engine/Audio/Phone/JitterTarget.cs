namespace RadioStudio.Engine.Audio.Phone;

/// <summary>
/// The adaptive part of <see cref="JitterBuffer"/>: how many frames to prime before playing.
/// Grow fast, shrink slow: <see cref="UnderrunsToGrow"/> underruns inside one window of
/// <see cref="GrowWindowReads"/> reads (5 s) add a frame, up to <see cref="MaxTargetFrames"/>;
/// <see cref="StableReadsToShrink"/> reads (30 s) in a row without an underrun take one back, never
/// below the configured target. One underrun alone is normal on a mobile network and must not cost
/// latency for the rest of the call; a second soon after means the network really is that jittery.
/// Latency also falls when frames sit unused: right after a read a buffer primed to T holds T − 1, so
/// if it has held at least T after every read for <see cref="SurplusReadsToTrim"/> reads (1 s), the
/// oldest frame never served as a cushion and one is skipped. This drains a burst, and applies a
/// shrunk target, one 20 ms step per second without reacting to ordinary jitter.
/// Not thread-safe: <see cref="JitterBuffer"/> calls it under its lock.
/// </summary>
internal sealed class JitterTarget
{
    /// <summary>Upper cap of the adaptive target, in frames (120 ms at 20 ms frames).</summary>
    public const int MaxTargetFrames = 6;

    /// <summary>Underruns within one window that make the target grow.</summary>
    public const int UnderrunsToGrow = 2;

    /// <summary>Length of the growth window, in reads.</summary>
    public const int GrowWindowReads = 250;

    /// <summary>Reads without an underrun after which the target shrinks by one frame.</summary>
    public const int StableReadsToShrink = 1500;

    /// <summary>Consecutive reads with a surplus frame after which one frame is skipped.</summary>
    public const int SurplusReadsToTrim = 50;

    private readonly int _minimum;
    private readonly int _maximum;
    private int _readsInWindow;
    private int _underrunsInWindow;
    private int _stableReads;
    private int _surplusReads;

    /// <summary>Starts at <paramref name="initial"/>, which is also the floor; the cap is the lower of <see cref="MaxTargetFrames"/> and <paramref name="capacity"/>.</summary>
    public JitterTarget(int initial, int capacity)
    {
        _minimum = initial;
        _maximum = Math.Max(initial, Math.Min(MaxTargetFrames, capacity));
        Frames = initial;
    }

    /// <summary>The current target, in frames.</summary>
    public int Frames { get; private set; }

    /// <summary>Accounts one read that left <paramref name="queued"/> frames. Returns true when one should be skipped.</summary>
    public bool OnRead(bool underrun, int queued)
    {
        if (++_readsInWindow >= GrowWindowReads)
        {
            _readsInWindow = 0;
            _underrunsInWindow = 0;
        }

        if (underrun)
        {
            _stableReads = 0;
            if (++_underrunsInWindow >= UnderrunsToGrow)
            {
                Frames = Math.Min(Frames + 1, _maximum);
                _readsInWindow = 0;
                _underrunsInWindow = 0;
            }
        }
        else if (++_stableReads >= StableReadsToShrink)
        {
            Frames = Math.Max(Frames - 1, _minimum);
            _stableReads = 0;
        }

        _surplusReads = !underrun && queued >= Frames ? _surplusReads + 1 : 0;
        if (_surplusReads < SurplusReadsToTrim)
        {
            return false;
        }

        _surplusReads = 0;
        return true;
    }
}
