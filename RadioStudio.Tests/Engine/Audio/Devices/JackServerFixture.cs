using System.Diagnostics;
using System.Runtime.InteropServices;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Devices;

/// <summary>
/// A headless JACK server (dummy driver: a real 48 kHz clock, 8 playback and 2 capture ports) for the
/// device tests. Its name is one no other live run is using (see NamePool), so parallel runs never share a server;
/// PortAudio finds it through JACK_DEFAULT_SERVER, which is set with libc's setenv (alsa-lib and libjack
/// read the C environment, which Environment.SetEnvironmentVariable does not change) before PortAudio
/// initialises. jackd must be up before PortAudio initialises: JACK devices are listed at initialisation.
/// </summary>
public sealed partial class JackServerFixture : IAsyncLifetime
{
    public const string Jackd = "/usr/bin/jackd";
    public const string JackLsp = "/usr/bin/jack_lsp";
    public const string JackRec = "/usr/bin/jack_rec";

    /// <summary>The JACK host API's name for the server's own ports, as the studio would store it.</summary>
    public const string DeviceName = "JACK Audio Connection Kit | system";

    private Process? _jackd;

    // JACK keeps at most 8 servers per user in /dev/shm/jack-shm-registry and reclaims a dead server's slot
    // only when a server of the same name starts again: a fresh random name per run would leak a slot each
    // time a run is killed. So names come from a small pool; one that answers is another run's, skipped.
    private const int NamePool = 4;

    public JackServerFixture()
    {
        Available = File.Exists(Jackd) && File.Exists(JackLsp);
    }

    public string ServerName { get; private set; } = "radiostudio-test-0";

    /// <summary>False only when jackd is not installed (CI installs jackd2, so there it is always true).</summary>
    public bool Available { get; }

    public string Unavailable => $"jackd is not installed ({Jackd}); install jackd2 to run the device tests.";

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var failures = new List<string>();
        for (var n = 0; n < NamePool; n++)
        {
            ServerName = $"radiostudio-test-{n}";
            if (Ports().Count > 0)
            {
                failures.Add($"{ServerName}: in use by another run");
                continue;
            }

            try
            {
                await StartAsync();
                break;
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }

        if (!Running)
        {
            throw new InvalidOperationException($"No JACK test server could start: {string.Join("; ", failures)}");
        }

        // Before any PortAudio initialisation in this process: libjack reads the C environment.
        Environment.SetEnvironmentVariable("JACK_DEFAULT_SERVER", ServerName);
        Environment.SetEnvironmentVariable("JACK_NO_START_SERVER", "1");
        _ = SetEnv("JACK_DEFAULT_SERVER", ServerName, 1);
        _ = SetEnv("JACK_NO_START_SERVER", "1", 1);
    }

    /// <summary>Stops jackd gracefully (SIGTERM, so it removes its shared memory), SIGKILL after 5 s.</summary>
    public Task DisposeAsync()
    {
        if (_jackd is { HasExited: false })
        {
            _ = SysKill(_jackd.Id, 15);
            _jackd.WaitForExit(TimeSpan.FromSeconds(5));
        }

        Kill();
        return Task.CompletedTask;
    }

    /// <summary>Starts jackd and waits (15 s deadline) until its eighth playback port is listed.</summary>
    public async Task StartAsync()
    {
        Kill();
        var start = new ProcessStartInfo(Jackd)
        {
            ArgumentList = { "-n", ServerName, "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256", "-P", "8", "-C", "2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["JACK_DEFAULT_SERVER"] = ServerName;
        _jackd = Process.Start(start) ?? throw new InvalidOperationException("jackd did not start.");
        _jackd.OutputDataReceived += (_, _) => { };
        _jackd.ErrorDataReceived += (_, _) => { };
        _jackd.BeginOutputReadLine();
        _jackd.BeginErrorReadLine();
        var up = await Poll.UntilAsync(() => _jackd.HasExited || Ports().Contains("system:playback_8"), TimeSpan.FromSeconds(15));
        if (!up || _jackd.HasExited)
        {
            Kill();
            throw new InvalidOperationException($"jackd -n {ServerName} did not list system:playback_8 within 15 s (or exited).");
        }
    }

    /// <summary>Kills jackd outright (SIGKILL: what a crashed server or a pulled interface looks like) and waits for it.</summary>
    public void Kill()
    {
        if (_jackd is null)
        {
            return;
        }

        try
        {
            if (!_jackd.HasExited)
            {
                _jackd.Kill(entireProcessTree: true);
            }

            if (!_jackd.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidOperationException($"jackd {_jackd.Id} did not exit after SIGKILL.");
            }
        }
        finally
        {
            _jackd.Dispose();
            _jackd = null;
            RemoveSharedMemory();
        }
    }

    // A killed jackd leaves its segments and semaphores in /dev/shm; only this server's names are removed.
    private void RemoveSharedMemory()
    {
        foreach (var file in Directory.EnumerateFiles("/dev/shm").Where(f => Path.GetFileName(f).Contains($"_{ServerName}_", StringComparison.Ordinal)))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Gone already or in use: not this test's concern.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public bool Running => _jackd is { HasExited: false };

    /// <summary>The server's ports, as jack_lsp lists them (empty when it is down).</summary>
    public IReadOnlyList<string> Ports()
    {
        using var lsp = Process.Start(Tool(JackLsp)) ?? throw new InvalidOperationException("jack_lsp did not start.");
        var errors = lsp.StandardError.ReadToEndAsync();
        var output = lsp.StandardOutput.ReadToEnd();
        lsp.WaitForExit(TimeSpan.FromSeconds(10));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Starts jack_rec recording <paramref name="ports"/> into a WAV for <paramref name="seconds"/>.</summary>
    public Process Record(string file, int seconds, IEnumerable<string> ports)
    {
        var start = Tool(JackRec);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var port in ports)
        {
            start.ArgumentList.Add(port);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("jack_rec did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private ProcessStartInfo Tool(string path)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["JACK_DEFAULT_SERVER"] = ServerName;
        start.Environment["JACK_NO_START_SERVER"] = "1";
        return start;
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SysKill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}

[CollectionDefinition(Name)]
public sealed class DeviceCollection : ICollectionFixture<JackServerFixture>
{
    public const string Name = "Device";
}
