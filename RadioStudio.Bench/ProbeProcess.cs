using System.Collections.Concurrent;
using System.Diagnostics;

namespace RadioStudio.Bench;

/// <summary>The <see cref="PlatformProbe"/> as its own process next to the studio, stopped through its standard input.</summary>
internal sealed class ProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ProbeProcess(Process process) => _process = process;

    /// <summary>Starts the probe and returns once it watches every CPU (so the studio's start-up is covered too).</summary>
    public static async Task<ProbeProcess> StartAsync(int maxSeconds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(PlatformProbe).Assembly.Location);
        start.ArgumentList.Add("probe");
        start.ArgumentList.Add("--seconds");
        start.ArgumentList.Add(maxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var probe = new ProbeProcess(new Process { StartInfo = start });
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        probe._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                probe._output.Enqueue(line);
                if (line == PlatformProbe.RunningLine)
                {
                    running.TrySetResult();
                }
            }
        };
        probe._process.Start();
        probe._process.BeginOutputReadLine();
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return probe;
    }

    /// <summary>Stops the probe and returns everything it printed.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return [.. _output];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
