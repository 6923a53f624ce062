package site

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/wareki"
)

// The timeline is a picture of the 改訂履歴 table above which it stands:
// the table stays the source of truth (screen readers, copying, print),
// so the picture is one image with a short name and no text of its own
// to read out.
const (
	tlWidth    = 720 // the viewBox; the SVG scales to the column
	tlMargin   = 48  // room for the first and last labels
	tlLane     = 40  // the height of one row of labels
	tlFontSize = 13
)

// timeline draws the revisions on a line of years: a filled dot for a
// revision kept in the repository, a ring for one recorded only in
// history.legacy, the revision in force ringed again. Labels (month and
// kind) are placed in rows above and below the line so that none overlaps
// another. Integer arithmetic only: the same rows give the same bytes.
func timeline(rows []historyRow) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	type point struct {
		x            int
		row          historyRow
		lane         int // 0, 1, 2 … alternately above and below
		label1, kind string
	}
	months := func(iso string) int {
		y, m, _, err := wareki.ParseISO(iso)
		if err != nil {
			return 0
		}
		return y*12 + m - 1
	}
	first, last := months(rows[0].Date.ISO), months(rows[len(rows)-1].Date.ISO)
	// Whole years at both ends, so the scale reads as years.
	from, to := first-first%12, last-last%12+12
	span := max(to-from, 1)
	pts := make([]point, len(rows))
	// laneEnd[l] is the right edge of the last label in lane l.
	var laneEnd []int
	for i, r := range rows {
		x := tlMargin + (months(r.Date.ISO)-from)*(tlWidth-2*tlMargin)/span
		p := point{x: x, row: r, label1: r.Date.Text, kind: r.Kind}
		w := textWidth(p.label1)
		left := x - w/2
		lane := 0
		for ; lane < len(laneEnd); lane++ {
			if laneEnd[lane]+8 <= left {
				break
			}
		}
		if lane == len(laneEnd) {
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[lane] = x + w/2
		p.lane = lane
		pts[i] = p
	}
	above := (len(laneEnd) + 1) / 2
	below := len(laneEnd) / 2
	axis := 16 + above*tlLane
	height := axis + 16 + below*tlLane + 8
	var b strings.Builder
	label := timelineLabel(rows)
	fmt.Fprintf(&b, `<figure class="timeline"><svg role="img" aria-labelledby="timeline-name" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMidYMid meet" font-size="%d"><title id="timeline-name">%s</title>`,
		tlWidth, height, tlFontSize, template.HTMLEscapeString(label))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, tlMargin/2, axis, tlWidth-tlMargin/2, axis)
	// Year ticks: every year, or every 5 or 10 on a long history.
	years := span / 12
	step := 1
	switch {
	case years > 120:
		step = 10
	case years > 24:
		step = 5
	}
	for m := from; m <= to; m += 12 {
		if (m/12)%step != 0 {
			continue
		}
		x := tlMargin + (m-from)*(tlWidth-2*tlMargin)/span
		fmt.Fprintf(&b, `<line class="tick" x1="%d" y1="%d" x2="%d" y2="%d"/>`, x, axis-4, x, axis+4)
	}
	for _, p := range pts {
		row := p.lane / 2
		// A label is two lines, the month and the kind; a leader joins it
		// to its dot.
		var date, kind, y1, y2 int
		if p.lane%2 == 0 {
			kind = axis - 14 - row*tlLane
			date = kind - tlFontSize - 2
			y1, y2 = axis-6, kind+4
		} else {
			date = axis + 14 + row*tlLane + tlFontSize
			kind = date + tlFontSize + 2
			y1, y2 = axis+6, date-tlFontSize
		}
		if y1 > y2 && p.lane%2 == 0 || y1 < y2 && p.lane%2 == 1 {
			fmt.Fprintf(&b, `<line class="leader" x1="%d" y1="%d" x2="%d" y2="%d"/>`, p.x, y1, p.x, y2)
		}
		class := "rev"
		if p.row.Archive == "" {
			class = "legacy" // no text on the site: legacy, or left out
		}
		if p.row.InForce {
			fmt.Fprintf(&b, `<circle class="in-force" cx="%d" cy="%d" r="9"/>`, p.x, axis)
		}
		fmt.Fprintf(&b, `<circle class="%s" cx="%d" cy="%d" r="5"/>`, class, p.x, axis)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`, p.x, date, template.HTMLEscapeString(p.label1))
		fmt.Fprintf(&b, `<text class="kind" x="%d" y="%d" text-anchor="middle">%s</text>`, p.x, kind, template.HTMLEscapeString(p.kind))
	}
	b.WriteString(`</svg><figcaption>` + timelineLegend + `</figcaption></figure>`)
	return template.HTML(b.String())
}

// timelineLegend says what the marks mean, under the picture.
const timelineLegend = "●は本文を掲載している版、○は本文を掲載していない過去の版、◎は施行中の版です。"

// timelineLabel is the picture's accessible name: what it covers, and
// where the details are.
func timelineLabel(rows []historyRow) string {
	if len(rows) == 0 {
		return ""
	}
	first, last := rows[0].Date.Text, rows[len(rows)-1].Date.Text
	if first == last {
		return fmt.Sprintf("改訂の年表（%sの%d回。内容は次の表のとおり）", first, len(rows))
	}
	return fmt.Sprintf("改訂の年表（%sから%sまでの%d回。内容は次の表のとおり）", first, last, len(rows))
}

// textWidth estimates a label's width in the viewBox: a full-width
// character is one em, anything else about half.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if utf8.RuneLen(r) > 1 {
			w += tlFontSize
		} else {
			w += tlFontSize * 6 / 10
		}
	}
	return w
}
