import { useEffect, useRef } from "preact/hooks"
import uPlot from "uplot"

export interface Line {
  readonly label: string
  readonly stroke: string
  /** The axis it is read on: "y" (left, default) or "y2" (right). */
  readonly scale?: "y" | "y2"
}

export interface ChartProps {
  readonly title: string
  readonly lines: ReadonlyArray<Line>
  /** Times (seconds since the epoch) first, then one array of values per line. */
  readonly data: ReadonlyArray<ReadonlyArray<number | null>>
  readonly height?: number
  /** Bars rather than lines (counts per bucket). */
  readonly bars?: boolean
  /** The left axis' name; by default, its lines' labels. */
  readonly yLabel?: string
}

/**
 * A live time series: uPlot draws on a canvas, and `setData` on each new point redraws
 * without rebuilding the chart — made for a line that moves every second.
 */
export function Chart({ title, lines, data, height = 200, bars = false, yLabel }: ChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | undefined>(undefined)
  useEffect(() => {
    const element = box.current!
    const width = () => Math.max(300, element.clientWidth)
    const right = lines.some((line) => line.scale === "y2")
    plot.current = new uPlot(
      {
        title,
        width: width(),
        height,
        scales: { x: { time: true } },
        series: [
          {},
          ...lines.map((line) => ({
            label: line.label,
            stroke: line.stroke,
            width: 2,
            scale: line.scale ?? "y",
            ...(bars ? { fill: line.stroke, paths: uPlot.paths.bars!({ size: [0.8, 40] }), points: { show: false } } : {})
          }))
        ],
        axes: [
          {},
          { scale: "y", label: yLabel ?? lines.filter((line) => (line.scale ?? "y") === "y").map((line) => line.label).join(", ") },
          ...(right ? [{ scale: "y2", side: 1 as const, grid: { show: false }, label: lines.filter((line) => line.scale === "y2").map((line) => line.label).join(", ") }] : [])
        ]
      },
      data as uPlot.AlignedData,
      element
    )
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: width(), height }))
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.current?.destroy()
    }
  }, [])
  useEffect(() => plot.current?.setData(data as uPlot.AlignedData), [data])
  return <div class="chart" ref={box} />
}

/** A window of the last `capacity` points, as a chart takes them (a new array each time). */
export const pushPoint = (
  data: ReadonlyArray<ReadonlyArray<number | null>>,
  point: ReadonlyArray<number | null>,
  capacity: number
): ReadonlyArray<ReadonlyArray<number | null>> =>
  data.map((column, index) => [...column.slice(Math.max(0, column.length + 1 - capacity)), point[index] ?? null])
