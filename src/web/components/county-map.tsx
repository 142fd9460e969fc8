/**
 * The wellbeing services counties drawn in the browser from the TopoJSON in data/geo (no tile
 * server, nothing from the network): d3-geo projects, topojson-client unpacks. Each county shows its
 * number of implementers as a figure on the map, and counties with none are hatched, so the map does
 * not rely on colour. The map is a picture with a summary; the list and table beside it are the
 * same facts as text.
 */
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology as TopoTopology } from 'topojson-specification';
import { useEffect, useId, useState } from 'react';
import { styled } from 'styled-components';
import {
  HELSINKI_AREA_ID,
  HELSINKI_MUNICIPALITY,
  type CountyProperties,
  type MunicipalityProperties,
} from '../../domain/geography.js';
import { colors, spacing, typography } from './tokens.js';
// Emitted as a hashed file of its own and fetched when a map is first shown.
import topologyUrl from '../../../data/geo/finland-hva-2021.topo.json?url';

type MapTopology = TopoTopology<{
  hva: GeometryCollection<CountyProperties>;
  munis: GeometryCollection<MunicipalityProperties>;
}>;

export type CountyShape = { id: string; d: string; centroid: [number, number]; name: { fi: string; sv: string } };
type Shapes = { counties: CountyShape[]; outside: string; width: number; height: number };

const WIDTH = 360;
const HEIGHT = 640;

/** The topology, loaded once, when the first map is shown. */
let shapesPromise: Promise<Shapes> | null = null;

function loadShapes(): Promise<Shapes> {
  shapesPromise ??= fetch(topologyUrl).then(async (response) => {
    if (!response.ok) throw new Error(`map data: HTTP ${response.status}`);
    const topology = (await response.json()) as MapTopology;
    const hva = feature(topology, topology.objects.hva) as FeatureCollection<Geometry, CountyProperties>;
    const munis = feature(topology, topology.objects.munis) as FeatureCollection<Geometry, MunicipalityProperties>;
    const projection = geoTransverseMercator().rotate([-27, 0]).fitSize([WIDTH, HEIGHT], hva);
    const path = geoPath(projection);
    const shape = (id: string, f: Feature<Geometry>, name: { fi: string; sv: string }): CountyShape => {
      const [x, y] = path.centroid(f);
      return { id, d: path(f) ?? '', centroid: [x, y], name };
    };
    const counties: CountyShape[] = [];
    let outside = '';
    for (const f of hva.features) {
      const p = f.properties;
      if (p.hva_id === '') outside = path(f) ?? '';
      else counties.push(shape(p.hva_id, f, { fi: p.name_fi ?? p.hva_id, sv: p.name_sv ?? p.name_fi ?? p.hva_id }));
    }
    const helsinki = munis.features.find((f) => f.properties.id === HELSINKI_MUNICIPALITY);
    if (helsinki)
      counties.push(shape(HELSINKI_AREA_ID, helsinki, { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad' }));
    return { counties, outside, width: WIDTH, height: HEIGHT };
  });
  return shapesPromise;
}

/** Area id → name, from the same file as the map (null until it is loaded). */
export function useCountyNames(): Map<string, { fi: string; sv: string }> | null {
  const [names, setNames] = useState<Map<string, { fi: string; sv: string }> | null>(null);
  useEffect(() => {
    let alive = true;
    loadShapes().then(
      (shapes) => alive && setNames(new Map(shapes.counties.map((county) => [county.id, county.name]))),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return names;
}

const Wrapper = styled.figure`
  margin: 0 0 ${spacing.m};
  max-width: 420px;
  figcaption {
    ${typography.bodyTextSmall}
    margin-top: ${spacing.xs};
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    background: ${colors.whiteBase};
    border: 1px solid ${colors.depthLight1};
  }
`;

type Props = {
  title: string;
  summary: string;
  attribution: string;
  /** Implementers per area id; areas not given have none. */
  implementers: Record<string, number>;
  loadingText: string;
  errorText: string;
};

export function CountyMap({ title, summary, attribution, implementers, loadingText, errorText }: Props) {
  const id = useId();
  const [shapes, setShapes] = useState<Shapes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    loadShapes().then(
      (value) => alive && setShapes(value),
      () => {
        shapesPromise = null; // the next map tries again
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  // The list and table next to the map hold the same facts, so a missing map loses nothing.
  if (failed) return <p>{errorText}</p>;
  if (!shapes) return <p data-loading="">{loadingText}</p>;
  const hatch = `${id}-none`;
  return (
    <Wrapper>
      <svg
        viewBox={`0 0 ${shapes.width} ${shapes.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={colors.whiteBase} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={colors.depthDark1} strokeWidth="1.5" />
          </pattern>
        </defs>
        <path d={shapes.outside} fill={colors.depthLight2} stroke={colors.depthDark1} strokeWidth="0.5" />
        {shapes.counties.map((county) => {
          const count = implementers[county.id] ?? 0;
          return (
            <path
              key={county.id}
              d={county.d}
              fill={count > 0 ? colors.highlightLight2 : `url(#${hatch})`}
              stroke={colors.blackBase}
              strokeWidth="0.7"
            />
          );
        })}
        {shapes.counties
          .filter((county) => (implementers[county.id] ?? 0) > 0)
          .map((county) => (
            <g key={county.id} aria-hidden="true">
              <circle cx={county.centroid[0]} cy={county.centroid[1]} r="10" fill={colors.brandBase} />
              <text
                x={county.centroid[0]}
                y={county.centroid[1] + 4}
                textAnchor="middle"
                fontSize="12"
                fontWeight="600"
                fill={colors.whiteBase}
              >
                {implementers[county.id]}
              </text>
            </g>
          ))}
      </svg>
      <figcaption>{attribution}</figcaption>
    </Wrapper>
  );
}
