using Xunit.Abstractions;
using Xunit.Sdk;

namespace RadioStudio.Tests.Engine.Audio.Devices;

/// <summary>Marks a test that leaves the process's PortAudio session unusable, so it must run after the others.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Runs tests in name order, those marked <see cref="RunsLastAttribute"/> after the rest.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "RadioStudio.Tests.Engine.Audio.Devices.RunsLastOrderer";
    public const string AssemblyName = "RadioStudio.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any())
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
