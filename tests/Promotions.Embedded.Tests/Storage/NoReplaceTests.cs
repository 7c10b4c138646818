using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Storage;

/// <summary>
/// Publishing a finished file under a name nobody has taken yet is decided once: racing publishers never both win,
/// and the file left under the name is the winner's, whole. Rounds repeat because a check-then-rename loses only
/// now and then.
/// </summary>
public sealed class NoReplaceTests : IDisposable
{
    private const int Rounds = 100;
    private const int Racers = 16;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TryPublish_RacingForOneName_ExactlyOneWins_AndTheNameHoldsItsFile()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, round.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
            var target = Path.Combine(folder, "published");
            var sources = Enumerable.Range(0, Racers).Select(i =>
            {
                var source = Path.Combine(folder, $"source-{i}");
                File.WriteAllText(source, $"racer {i}");
                return source;
            }).ToArray();

            var won = Race(sources.Select(source => (Func<bool>)(() => NoReplace.TryPublish(source, target))).ToArray());

            var winner = Assert.Single(Enumerable.Range(0, Racers), i => won[i]);
            Assert.Equal($"racer {winner}", File.ReadAllText(target));
            Assert.False(File.Exists(sources[winner]));
            Assert.All(Enumerable.Range(0, Racers).Where(i => i != winner), i => Assert.Equal($"racer {i}", File.ReadAllText(sources[i])));
        }
    }

    [Fact]
    public void TryPublish_FromAnotherFileSystem_PublishesOnce_AndNeverOverAFileThere()
    {
        // Where /dev/shm is a file system of its own, no hard link can cross to the temp folder and the move is used.
        var elsewhere = Directory.Exists("/dev/shm") ? "/dev/shm" : _temp.Path;
        var first = Path.Combine(elsewhere, $"promotions-first-{Guid.NewGuid():N}");
        var second = Path.Combine(elsewhere, $"promotions-second-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_temp.Path);
        var target = Path.Combine(_temp.Path, "published");
        File.WriteAllText(first, "first");
        File.WriteAllText(second, "second");
        try
        {
            Assert.True(NoReplace.TryPublish(first, target));
            Assert.False(NoReplace.TryPublish(second, target));

            Assert.Equal("first", File.ReadAllText(target));
            Assert.False(File.Exists(first));
            Assert.Equal("second", File.ReadAllText(second));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void KeyFile_CreatedByManyAtOnce_GivesEveryoneTheOneKeyKept()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var path = Path.Combine(_temp.Path, $"key-{round}");

            var keys = Race(Enumerable.Range(0, Racers).Select(_ => (Func<string>)(() => KeyFile.LoadOrCreate(path))).ToArray());

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], File.ReadAllText(path));
        }

        Assert.Equal(Rounds, Directory.GetFiles(_temp.Path).Length);
    }

    // Real threads released together, so the racers overlap on the file system rather than queueing on the pool.
    private static T[] Race<T>(Func<T>[] racers)
    {
        var results = new T[racers.Length];
        using var start = new Barrier(racers.Length);
        var threads = racers.Select((racer, i) => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = racer();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return results;
    }
}
