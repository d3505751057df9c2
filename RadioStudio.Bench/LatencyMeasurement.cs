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

internal sealed record LatencyMeasurement(int Talker, double Latency, double Wait, double Send, double Offset, int Target, int Queued, double LevelDb, double SelfDb, double OthersDb);

/// <summary>Runs on the clock thread after the graph: when each block was mixed and handed to the lines.</summary>
