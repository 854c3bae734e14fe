using EscalationFlows.Engine.Tests.Support;

namespace EscalationFlows.Engine.Tests.Expressions;

/// <summary>Engines are pooled; whatever one evaluation tries, the next one sees pristine built-ins and globals.</summary>
public sealed class EngineIsolationTests
{
    public static TheoryData<string, string> Attempts => new()
    {
        { "Array.prototype.x = 1; return 1;", "[].x === undefined" },
        { "Object.prototype.polluted = true; return 1;", "({}).polluted === undefined" },
        { "leaked = 1; return 1;", "typeof leaked === 'undefined'" },
        { "globalThis.y = 1; return 1;", "typeof y === 'undefined' && !('y' in globalThis)" },
        { "Object.defineProperty(globalThis, 'z', { value: 1 }); return 1;", "typeof z === 'undefined'" },
        { "JSON.stringify = function () { return '1'; }; return 1;", "JSON.stringify({ a: 1 }) === '{\"a\":1}'" },
        { "Math.floor = function () { return 0; }; return 1;", "Math.floor(1.5) === 1" },
        { "Object.getPrototypeOf([][Symbol.iterator]()).next = null; return 1;", "[...[1, 2]].length === 2" },
        { "Object.getPrototypeOf([][Symbol.iterator]()).extra = 1; return 1;", "[][Symbol.iterator]().extra === undefined" },
        { "Object.getPrototypeOf(Int8Array).prototype.extra = 1; return 1;", "new Int8Array(1).extra === undefined" },
        { "Object.getPrototypeOf(function* () {}).prototype.extra = 1; return 1;", "(function* () {})().extra === undefined" },
        { "Object.getPrototypeOf([].values().map(x => x)).extra = 1; return 1;", "[].values().map(x => x).extra === undefined" },
        { "Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })).extra = 1; return 1;", "Iterator.from({ next() { return { done: true }; } }).extra === undefined" },
        { "Object.getPrototypeOf(new Map().entries()).extra = 1; return 1;", "new Map().entries().extra === undefined" },
        { "Object.getPrototypeOf('a'.matchAll(/a/g)).extra = 1; return 1;", "'a'.matchAll(/a/g).extra === undefined" },
        { "Date.prototype.toISOString = function () { return 'x'; }; return 1;", "new Date(0).toISOString() === '1970-01-01T00:00:00.000Z'" },
        { "String.prototype.trim = null; return 1;", "' a '.trim() === 'a'" },
        { "Object.freeze = null; return 1;", "typeof Object.freeze === 'function'" },
        { "var keep = 1; return keep;", "typeof keep === 'undefined'" },
        { "__scope.extra = 1; return 1;", "typeof extra === 'undefined'" },
        { "/secret-(\\d+)/.exec('secret-42'); return 1;", "RegExp.$1 === undefined && RegExp.lastMatch === undefined && RegExp.input === undefined" },
        { "'alice@example.com'.replace(/(\\w+)@/, '$1'); return 1;", "!Object.getOwnPropertyNames(RegExp).some(n => n.startsWith('$') || n === 'input')" },
        { "Promise.resolve().then(() => { globalThis.late = 1; }); return 1;", "typeof late === 'undefined'" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public void One_evaluation_cannot_change_what_the_next_one_sees(string attempt, string probe)
    {
        var bed = new ExpressionTestbed();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                bed.Js(attempt);
            }
            catch (EscalationFlows.Engine.Expressions.ExpressionException)
            {
                // Refused outright is fine too; what matters is the next evaluation.
            }

            Assert.True(bed.Js(probe)!.GetValue<bool>(), $"after `{attempt}` the probe `{probe}` failed");
        }
    }

    [Fact]
    public async Task Evaluations_in_parallel_on_the_pool_do_not_see_each_other()
    {
        var bed = new ExpressionTestbed();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
        {
            var marker = $"m{i}";
            return bed.Js($"var seen = typeof m === 'undefined'; try {{ globalThis.m = '{marker}'; }} catch (e) {{ }} return seen && tags.length === 2;")!.GetValue<bool>();
        }, TestContext.Current.CancellationToken)));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Every_built_in_prototype_a_script_can_reach_is_frozen()
    {
        var bed = new ExpressionTestbed();

        var unfrozen = bed.Js("""
            const samples = [
              [], {}, '', 1, true, Symbol('s'), 1n, new Date(0), /a/g, new Error('e'), new TypeError('t'),
              new Map(), new Set(), new WeakMap(), new WeakSet(), new WeakRef({}), Promise.resolve(), new Proxy({}, {}),
              new ArrayBuffer(1), new DataView(new ArrayBuffer(1)), new Int8Array(1), new Float64Array(1), new BigInt64Array(1),
              [][Symbol.iterator](), new Map().entries(), new Set().values(), ''[Symbol.iterator](), 'a'.matchAll(/a/g),
              [].values().map(x => x), Iterator.from({ next() { return { done: true }; } }),
              Object.getPrototypeOf((function* () {})()), Object.getPrototypeOf((async function* () {})()),
              function () {}, () => 1, async function () {}, class {}, Math, JSON, Reflect, Intl, new Intl.Segmenter().segment('a'),
              new DisposableStack(), new AsyncDisposableStack(), new FinalizationRegistry(() => {}),
            ];
            const open = [];
            samples.forEach((sample, i) => {
              for (let o = Object.getPrototypeOf(Object(sample)); o !== null; o = Object.getPrototypeOf(o)) {
                if (!Object.isFrozen(o)) { open.push(i); }
              }
            });
            return open;
            """);

        Assert.Equal("[]", unfrozen!.ToJsonString());
    }
}
