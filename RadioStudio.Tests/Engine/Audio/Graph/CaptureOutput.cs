using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Tests.Engine.Audio.Graph;

/// <summary>An output that keeps a copy of every bus of every block it is given (tests only; allocates freely).</summary>
internal sealed class CaptureOutput : IMixOutput
{
    private readonly object _gate = new();
    private readonly List<(long Index, Dictionary<BusId, float[]> Buses, HashSet<BusId> Active)> _blocks = [];

    public string Name => "capture";

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Count;
            }
        }
    }

    public void Write(MixBlock block)
    {
        var buses = new Dictionary<BusId, float[]>();
        var active = new HashSet<BusId>();
        for (var i = 0; i < block.Buses.Length; i++)
        {
            buses[block.Buses[i]] = block[i].ToArray();
            if (block.IsActive(i))
            {
                active.Add(block.Buses[i]);
            }
        }

        lock (_gate)
        {
            _blocks.Add((block.Index, buses, active));
        }
    }

    /// <summary>The bus's samples over the last <paramref name="blocks"/> blocks, oldest first.</summary>
    public float[] Last(BusId bus, int blocks)
    {
        lock (_gate)
        {
            return [.. _blocks.Skip(Math.Max(0, _blocks.Count - blocks)).SelectMany(b => b.Buses[bus])];
        }
    }

    public bool WasActive(BusId bus, int blockFromEnd = 1)
    {
        lock (_gate)
        {
            return _blocks[^blockFromEnd].Active.Contains(bus);
        }
    }

    public IReadOnlyList<long> Indexes()
    {
        lock (_gate)
        {
            return [.. _blocks.Select(b => b.Index)];
        }
    }
}
