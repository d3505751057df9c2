using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Web.Hosting;

namespace RadioStudio.Bench;

/// <summary>Runs on the clock thread after the graph: when each block was mixed and handed to the lines.</summary>
internal sealed class ClockTickRecorder : IAudioClockClient
{
    private readonly long[] _ticks = new long[1 << 16];
    private long _count;

    public void OnBlock(long blockIndex)
    {
        var n = Interlocked.Read(ref _count);
        if (n < _ticks.Length)
        {
            _ticks[n] = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _count);
        }
    }

    public long[] Snapshot() => _ticks[..(int)Interlocked.Read(ref _count)];
}

/// <summary>What one caller received: decoded samples, each with the arrival time of its frame.</summary>
