using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>
/// Drives the host's fake clock until something a background dispatcher does has happened: advances by a step, looks,
/// and repeats (with a real-time deadline). A single advance could land while the dispatcher is between its step and
/// its next wait, and the wait it then starts would never end.
/// </summary>
public static class ClockDriver
{
    public static async Task<T> AdvanceUntilAsync<T>(FakeTimeProvider clock, TimeSpan step, Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            clock.Advance(step);
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }
    }
}
